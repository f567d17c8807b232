"""The API's resources over the real CCM register: shapes, 304, CORS, problems."""

import pytest

pytestmark = pytest.mark.django_db


def test_openapi_is_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.1")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_status_then_304_with_the_etag(client, fresh_site):
    first = client.get("/api/v1/treaties/CCM/status?as_of=2015-06-01")
    assert first.status_code == 200, first.content
    body = first.json()
    assert body["counts"]["parties"] == sum(p["status"] == "party" for p in body["participants"])
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first["Last-Modified"]
    again = client.get("/api/v1/treaties/CCM/status?as_of=2015-06-01",
                       HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    other_day = client.get("/api/v1/treaties/CCM/status?as_of=2016-06-01",
                           HTTP_IF_NONE_MATCH=first["ETag"])
    assert other_day.status_code == 200


def test_a_change_of_the_register_renews_the_etag(client, fresh_site):
    from treatydesk.records.facts.loading import bump_version

    first = client.get("/api/v1/treaties/CCM/events?limit=5")
    bump_version("CCM")
    again = client.get("/api/v1/treaties/CCM/events?limit=5", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200


def test_bad_date_is_a_problem_document(client, fresh_site):
    response = client.get("/api/v1/treaties/CCM/status?as_of=2015-13-01")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and "as_of" in problem["detail"]


def test_unknown_treaty_is_404_problem(client):
    response = client.get("/api/v1/treaties/XYZ")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_events_pages_follow_the_cursor(client, fresh_site):
    seen, url = [], "/api/v1/treaties/CCM/events?limit=50"
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]
    total = client.get("/api/v1/treaties/CCM/events?limit=1000").json()
    assert seen == [item["id"] for item in total["items"]]
    assert len(seen) == total["count"] > 50


def test_events_filter_by_state_and_kind(client, fresh_site):
    body = client.get("/api/v1/treaties/CCM/events?state=LTU&kind=withdrawal_effective").json()
    assert [(i["iso3"], i["kind"]) for i in body["items"]] == [("LTU", "withdrawal_effective")]


def test_bad_cursor_is_400(client, fresh_site):
    response = client.get("/api/v1/treaties/CCM/events?cursor=%%%")
    assert response.status_code == 400


def test_names_in_the_requested_language(client, fresh_site):
    en = client.get("/api/v1/states/DEU?lang=en").json()
    fr = client.get("/api/v1/states/DEU?lang=fr").json()
    assert en["state"] == "Germany" and fr["state"] == "Allemagne"


def test_panel_lists_every_state_of_the_universe(client, fresh_site):
    from treatydesk.core import opendata

    body = client.get("/api/v1/panel?treaty=CCM&from=2010&to=2011").json()
    states = {row["iso3"] for row in body["items"]}
    assert opendata.UN_MEMBERS <= states
    assert body["count"] == 2 * len(states)


def test_counts_series(client, fresh_site):
    body = client.get("/api/v1/treaties/CCM/counts?from=2010-01-01&to=2012-01-01&step=year")
    items = body.json()["items"]
    assert [i["as_of"] for i in items] == ["2010-01-01", "2011-01-01", "2012-01-01"]
    assert items[0]["parties"] <= items[-1]["parties"]


def test_reference_page_is_served_without_third_party_assets(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/treaties/{code}/status" in html
    assert "cdn" not in html.lower()

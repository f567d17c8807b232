"""The site-wide endpoints of treatydesk/site/views.py: the health check and robots.txt."""


def test_healthz(client, db):
    response = client.get("/healthz?scope=web")
    assert response.status_code == 200
    assert response.json() == {"database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_get_only(client, db):
    assert client.post("/healthz").status_code == 405


def test_robots_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "public" in response["Cache-Control"]

"""The newsroom's set-up for ``treatydesk init``: section pages, workflow and default content.

Not a Django app: it only calls the news, notices and meetings apps' models and actions.
"""

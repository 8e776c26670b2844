"""The web UI and JSON API (`newsweave serve`, needs the `[web]` extra).

    command.py   the `serve` click command (imports starlette and uvicorn lazily)
    app.py       create_app(db_path, hosts): the Starlette app, Host check, security headers, errors
    routes.py    HTML pages and their JSON twins under /api
    queries.py   story search, filters and the rows both page and API show
    views.py     what the story, article and entity pages show (plain data, no web code)
    charts.py    the timeline chart (render/timeline_svg.py) linked into the web UI
    openapi.py   the hand-written OpenAPI description

Importing this package imports no web library; only `app` and `routes` need starlette.
"""

"""Hidden checks: record problem bodies, statuses and headers."""

from fastapi import FastAPI, HTTPException, Query
from fastapi.testclient import TestClient
from problem_details import (
    PROBLEM_BASE, PROBLEM_JSON, ConflictError, NotFoundError, ProblemError, create_app,
    install_problem_handlers,
)


def answer(response):
    return (response.status_code, response.headers.get("content-type"),
            response.headers.get("allow"), response.headers.get("x-extra"), response.json())


def check_constants_and_classes(observe):
    observe((PROBLEM_JSON, PROBLEM_BASE))
    for cls in [ProblemError, NotFoundError, ConflictError]:
        observe((cls.status, cls.slug, cls.title))
    error = ConflictError("clash", existing_id=4, hint="rename")
    observe((error.detail, error.extensions, isinstance(error, Exception)))
    observe(NotFoundError("x").extensions)


def check_projects_flow(observe):
    client = TestClient(create_app())
    steps = [("post", "/projects", {"name": "  Alpha "}), ("post", "/projects", {"name": "beta"}),
             ("post", "/projects", {"name": "ALPHA"}), ("post", "/projects", {"name": "Beta  "}),
             ("post", "/projects", {"name": "alpha2"}), ("post", "/projects/2/archive", None),
             ("post", "/projects/2/archive", None), ("post", "/projects/7/archive", None),
             ("get", "/projects/2", None), ("get", "/projects/0", None), ("delete", "/projects/3", None),
             ("delete", "/projects/30", None), ("get", "/projects?limit=2", None),
             ("get", "/projects?limit=100", None)]
    for method, path, body in steps:
        kwargs = {"json": body} if body is not None else {}
        observe((method, path, answer(getattr(client, method)(path, **kwargs))))


def check_validation_problems(observe):
    client = TestClient(create_app())
    for method, path, kwargs in [
        ("post", "/projects", {"json": {"name": "x" * 51}}), ("post", "/projects", {"json": {"name": "x" * 50}}),
        ("post", "/projects", {"json": {}}), ("post", "/projects", {"json": ["name"]}),
        ("post", "/projects", {"content": b"{broken", "headers": {"content-type": "application/json"}}),
        ("get", "/projects?limit=0", {}), ("get", "/projects?limit=101", {}), ("get", "/projects?limit=many", {}),
        ("get", "/projects/first", {}), ("post", "/projects/first/archive", {}),
    ]:
        observe((method, path, answer(getattr(client, method)(path, **kwargs))))


def check_other_apps_and_subclasses(observe):
    class PaymentRequired(ProblemError):
        status = 402
        slug = "payment-required"
        title = "Your plan does not include this"

    class TeapotNotFound(NotFoundError):
        slug = "teapot-missing"

    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/pay/{plan}")
    def pay(plan: str, seats: int = Query(3, ge=1)):
        raise PaymentRequired(f"plan {plan} has {seats * 2} seats", upgrade_url="/billing", seats=seats)

    @app.get("/teapot")
    def teapot():
        raise TeapotNotFound("no teapot here")

    @app.get("/http")
    def http():
        raise HTTPException(status_code=429, detail="slow down", headers={"X-Extra": "retry later"})

    @app.get("/http-default")
    def http_default():
        raise HTTPException(status_code=418)

    @app.get("/crash")
    def crash():
        raise KeyError("internal-table-name")

    @app.get("/problem-base")
    def base():
        raise ProblemError("base class used directly")

    client = TestClient(app, raise_server_exceptions=False)
    for path in ["/pay/pro", "/pay/pro?seats=5", "/pay/pro?seats=0", "/teapot", "/http", "/http-default",
                 "/crash", "/problem-base", "/missing?x=1", "/teapot/"]:
        observe((path, answer(client.get(path))))
    observe((answer(client.post("/teapot")), answer(client.delete("/http"))))
    boom = create_app()

    @boom.get("/projects-crash")
    def projects_crash():
        raise ValueError("secret-value")

    response = TestClient(boom, raise_server_exceptions=False).get("/projects-crash?token=abc")
    observe(answer(response))
    observe("secret-value" in response.text)


def check_several_errors_are_counted(observe):
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/pair")
    def pair(a: int = Query(), b: int = Query(), c: int = Query(0)):
        return {"sum": a + b + c}

    client = TestClient(app)
    for query in ["?a=x&b=y", "?a=1&b=y&c=z", "", "?a=1&b=2"]:
        observe((query, answer(client.get("/pair" + query))))

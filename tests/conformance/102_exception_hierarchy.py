import asyncio


class AppError(Exception):
    def __init__(self, message, code=500):
        super().__init__(message)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found", code=404)


class Forbidden(AppError):
    pass


async def handler(path):
    await asyncio.sleep(0)
    if path == "/missing":
        raise NotFound(path)
    if path == "/secret":
        raise Forbidden("no access", 403)
    if path == "/crash":
        raise ZeroDivisionError("division by zero")
    return f"200 {path}"


async def main():
    for path in ["/", "/missing", "/secret", "/crash"]:
        try:
            print(await handler(path))
        except NotFound as e:
            print("NotFound:", e, e.code, repr(e), e.args)
        except AppError as e:
            print(type(e).__name__ + ":", e, isinstance(e, NotFound))
        except Exception as e:
            print("other:", type(e).__name__, e)
    print([c.__name__ for c in NotFound.__mro__])


asyncio.run(main())

import asyncio


class CodeError(Exception):
    def __init__(self, code):
        self.code = code


class Wrapped(Exception):
    def __init__(self, msg, detail):
        super().__init__(msg)
        self.detail = detail


class Plain(Exception):
    pass


async def main():
    e = CodeError(404)
    print(repr(e), str(e), e.args, e.code)
    w = Wrapped("outer message", {"k": 1})
    print(repr(w), str(w), w.args, w.detail)
    print(repr(Plain()), repr(Plain("a", 2)), str(Plain("a", 2)), str(Plain()) == "")
    try:
        raise Plain
    except Plain as p:
        print("raising the class creates an instance:", repr(p))
    errors = [KeyError("k"), KeyError(), IndexError("i"), RuntimeError(), ValueError("v", 1)]
    for err in errors:
        print(f"{type(err).__name__:<12} str={str(err)!r:<22} repr={err!r}")
    print(isinstance(KeyError(), LookupError), issubclass(TimeoutError, OSError), issubclass(ConnectionError, OSError))


asyncio.run(main())

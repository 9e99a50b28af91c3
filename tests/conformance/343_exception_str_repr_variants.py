import asyncio


class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[1]}"


excs = [
    ValueError(),
    ValueError("one"),
    ValueError("one", 2),
    KeyError("key"),
    KeyError(),
    OSError("disk full"),
    PermissionError(13, "Permission denied"),
    FileNotFoundError(2, "No such file or directory", "data.csv"),
    ConnectionRefusedError(111, "Connection refused"),
    TimeoutError(),
    asyncio.CancelledError(),
    asyncio.CancelledError("why"),
    asyncio.InvalidStateError("bad state"),
    AppError(404, "not found"),
    ExceptionGroup("many", [ValueError(1), TypeError(2)]),
    StopIteration(5),
    SystemExit(3),
    RuntimeError(None),
]

for e in excs:
    print(f"{type(e).__name__:<22} str={str(e)!r:<40} repr={e!r}")

e = FileNotFoundError(2, "No such file or directory", "data.csv")
print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
print(OSError(1).args, str(OSError("a", "b", "c", "d")))
print(StopIteration(5).value, SystemExit(3).code, KeyError("k").args)
print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
print(asyncio.TimeoutError.__name__, asyncio.CancelledError.__module__, ValueError.__module__)
print(repr(AppError(500, "boom")), AppError(500, "boom").args)

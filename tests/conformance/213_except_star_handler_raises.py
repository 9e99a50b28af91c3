def boom():
    raise ExceptionGroup("many", [ValueError("v"), KeyError("k"), OSError("o")])


try:
    try:
        boom()
    except* ValueError as g:
        print("handling", repr(g))
        raise TypeError("handler failed") from g
    except* KeyError:
        print("KeyError handled")
except ExceptionGroup as eg:
    print("result:", repr(eg))
    for e in eg.exceptions:
        print("  -", type(e).__name__, repr(e.__cause__) if e.__cause__ else "")

try:
    try:
        raise ExceptionGroup("only values", [ValueError(1), ValueError(2)])
    except* ValueError:
        pass
    print("fully handled: execution continues after the try")
except ExceptionGroup:
    print("never")

try:
    try:
        raise ExceptionGroup("g", [ValueError("x")])
    except* ValueError as g:
        raise
except ExceptionGroup as eg:
    print("bare raise re-raises the matched part:", repr(eg))

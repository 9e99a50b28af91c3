def raise_group():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])


try:
    raise_group()
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions], "group message:", eg.message)
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])

try:
    raise ValueError("plain")
except* ValueError as eg:
    print("a plain exception is wrapped:", repr(eg))

try:
    try:
        raise_group()
    except* TypeError:
        print("handled only the TypeError")
except ExceptionGroup as rest:
    print("the rest propagates:", repr(rest))

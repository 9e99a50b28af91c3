class NetError(Exception):
    pass


def build():
    inner = ExceptionGroup("inner", [TypeError("t1"), NetError("n1")])
    return ExceptionGroup("outer", [ValueError("v1"), inner, NetError("n2")])


eg = build()
print(repr(eg))
print(str(eg))
match, rest = eg.split(NetError)
print("match:", repr(match))
print("rest:", repr(rest))
print("subgroup ValueError:", repr(eg.subgroup(ValueError)))
print("subgroup none:", eg.subgroup(ZeroDivisionError))
print("subgroup tuple:", repr(eg.subgroup((TypeError, ValueError))))
print("predicate:", repr(eg.subgroup(lambda e: "1" in str(e))))
print("whole group:", eg.subgroup(lambda e: True) is eg)
eg2 = eg.derive([KeyError("k")])
print("derive:", repr(eg2), eg2.__cause__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
bg = BaseExceptionGroup("mixed", [ValueError(1)])
print(type(bg).__name__)
bg2 = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(bg2).__name__)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)


def leaves(g):
    for e in g.exceptions:
        if isinstance(e, BaseExceptionGroup):
            yield from leaves(e)
        else:
            yield e


print([str(e) for e in leaves(eg)])


def validate():
    raise ExceptionGroup("checks", [ValueError("range"), TypeError("kind"), KeyError("id")])


try:
    validate()
except* ValueError:
    print("value problems handled")
except* TypeError as eg:
    raise RuntimeError("kind problems are fatal") from eg.exceptions[0]

eg = ExceptionGroup("errors", [ValueError(1), TypeError("t")])
print(type(eg).__name__, eg.message, len(eg.exceptions))
print(str(eg))
print(repr(eg))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))

one = ExceptionGroup("solo", [KeyError("k")])
print(str(one))

beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, repr(beg))
auto = BaseExceptionGroup("auto", [ValueError("x")])
print("BaseExceptionGroup of Exceptions becomes:", type(auto).__name__)

try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)

derived = eg.derive([ValueError("only")])
print("derive:", repr(derived))

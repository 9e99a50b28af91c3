# ExceptionGroup's API: args as given (list or tuple), split/subgroup/derive, nesting,
# and str/repr.
eg_list = ExceptionGroup("list", [ValueError(1), TypeError(2)])
eg_tuple = ExceptionGroup("tuple", (ValueError(1),))
print(repr(eg_list), eg_list.args[1])
print(repr(eg_tuple), eg_tuple.args)
print(str(eg_list), "|", eg_list.message, eg_list.exceptions)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
match, rest = nested.split(ValueError)
print("match:", repr(match))
print("rest:", repr(rest))
print("subgroup:", repr(nested.subgroup(lambda e: isinstance(e, TypeError))))
print("nothing:", nested.subgroup(KeyError))
print("derive:", repr(nested.derive([KeyError("x")])))
base = BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError()])
print(type(base).__name__, type(BaseExceptionGroup("ok", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)

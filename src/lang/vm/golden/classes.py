class MyError(Exception):
    pass
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, x):
        return x in self.items
    def __getitem__(self, i):
        return self.items[i]
    def __eq__(self, other):
        return isinstance(other, Stack) and self.items == other.items
    def __lt__(self, other):
        return len(self) < len(other)
    def __add__(self, other):
        s = Stack()
        s.items = self.items + other.items
        return s
    def __str__(self):
        return "Stack" + str(self.items)
    def __bool__(self):
        return bool(self.items)
    def __call__(self, x):
        return x * 2
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
s = Stack()
s.push(1); s.push(2)
t = Stack(); t.push(5)
print(len(s), list(s), 2 in s, s[0], s == t, s < t, t < s, str(s + t), bool(Stack()), s(21))
print(sorted([s, t]) == [t, s])
with Stack() as st:
    print("inside", st)
    raise ValueError("boom")
print("after with")
try:
    raise MyError("custom")
except (ValueError, MyError) as e:
    print(type(e).__name__, e.args, str(e))
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        int("x")
except ValueError as e:
    print(e, "| context:", repr(e.__context__))
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(4)), next(iter(gen(3))))
g = gen(2)
print(next(g), next(g), next(g, "done"))
class P:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 10
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def c(cls):
        return cls.__name__
p = P()
p.x = 3
print(p.x, P.s(1), p.s(2), P.c(), p.c())
def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(2, b=3))
print(str(KeyError("a")), str(KeyError(3)), repr(ValueError()), str(ValueError(1, 2)))
eg = ExceptionGroup("errs", [ValueError("a"), TypeError("b")])
print(str(eg), repr(eg), len(eg.exceptions))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(hash(1), hash(-1), hash(2.5), hash((1, 2)), hash(True), hash(1.0) == hash(1))
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner()
    return mid()
print(outer())
print([(i, j) for i in range(3) for j in range(i)])
print({1, 2, 3} & {2, 3, 4}, {1, 2} - {2}, {1} ^ {2}, {3, 1, 2} <= {1, 2, 3, 4})
data = {"b": 2, "a": 1}
print(sorted(data), sorted(data.items(), key=lambda kv: kv[1]), list(data.keys()), data.get("z", 0))
print(data.pop("a"), data, data.setdefault("c", 3), data)
x = [1, 2, 3, 4, 5]
x[1:3] = [9]
del x[0]
print(x, x[::2], x.index(4), x.count(9))
print("a,b,,c".split(","), " a  b ".split(), "x".join(["1", "2"]), "abc".upper().center(9, "*"))
print("{} {name} {}".format(1, 2, name="n"), "{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
print(isinstance(True, int), issubclass(bool, int), type(None).__name__, callable(print))
assert 1 == 1
try:
    assert 1 == 2, "nope"
except AssertionError as e:
    print("assert", e)

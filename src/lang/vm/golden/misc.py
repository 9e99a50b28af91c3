# misc semantics
x = 10
def f():
    global x
    x += 1
    return x
print(f(), x)
def g():
    print(y)
    y = 1
try:
    g()
except UnboundLocalError as e:
    print(e)
class A:
    count = 0
    def __init__(self):
        A.count += 1
        self.id = A.count
    def __repr__(self):
        return f"A#{self.id}"
    def __hash__(self):
        return self.id
    def __eq__(self, o):
        return isinstance(o, A) and o.id == self.id
s = {A(), A(), A()}
print(len(s), A.count, sorted(s, key=lambda a: -a.id))
class B(A):
    def __init__(self, v):
        super().__init__()
        self.v = v
b = B(5)
print(b, b.v, B.__mro__, B.__name__, b.__class__.__name__, isinstance(b, A))
print(getattr(b, "v"), getattr(b, "nope", "dflt"), hasattr(b, "id"))
print(vars(b))
d = {}
d.update(a=1, b=2)
print(d, dict(zip("abc", range(3))), dict([(1, 2)]), {**d, "c": 3})
print([*range(3), *"ab"], (*[1, 2],), {*[1, 1, 2]})
def kw(*, a, b=2):
    return a + b
print(kw(a=1), kw(b=3, a=1))
try:
    kw(1)
except TypeError as e:
    print(e)
try:
    kw()
except TypeError as e:
    print(e)
def many(a, b, c):
    pass
try:
    many(1)
except TypeError as e:
    print(e)
try:
    many(1, 2, 3, d=4)
except TypeError as e:
    print(e)
print("%-5s|%5.2f|%x|%r" % ("ab", 3.14159, 255, "q"))
print(f"{'nested'!r:>12} {1+1=} {3.0:g} {1e-5:.2e} {12345.6789:,.2f} {-5:+d}")
print(str(1.0), str(10**20), repr(1e20), 1e300*1e10, -1e300*1e10, 0.1*3, 2/3, 1/3)
print(int(-3.7), round(-2.5), round(0.125, 2), 7 % -3, -7 // 3, 2**0.5)
print(max("apple", "banana", key=len), min([], default=None), sum([0.1]*10))
print(list(range(10, 0, -3)), range(5)[1:3], len(range(0, 100, 7)), 5 in range(10))
print("abc" * 2, [0] * 3, "a-b-c".rsplit("-", 1), "Hello".find("l"), "Hello".replace("l", "L", 1))
print("  x  ".strip(), "xxhixx".strip("x"), "a\tb".expandtabs(4), "title case".title(), "CAP".capitalize())
print(sorted([3, 1, 2], key=lambda v: -v), sorted("bBaA", key=str.lower))
import math
print(math.sqrt(16), math.floor(-1.5), math.ceil(1.2), math.pi)
nums = [1, 2, 3]
it = iter(nums)
print(next(it), list(it), next(it, "end"))
print(any(x > 2 for x in nums), all(x > 0 for x in nums), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
a = b = [1]
a.append(2)
print(b, a is b, a == [1, 2], [1] is [1])
t = (1, [2])
t[1].append(3)
print(t)
try:
    t[0] = 5
except TypeError as e:
    print(e)
print(isinstance(1, (str, int)), type(1) is int, type("") == str, issubclass(ValueError, Exception))
def gen():
    x = yield 1
    print("got", x)
    yield 2
gg = gen()
print(next(gg))
print(gg.__class__.__name__)

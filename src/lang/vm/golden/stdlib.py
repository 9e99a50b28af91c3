from collections import deque, defaultdict, Counter, namedtuple
from functools import partial, reduce, wraps, lru_cache
import itertools
d = deque([1, 2, 3], maxlen=3)
d.append(4); d.appendleft(0)
print(d, d.popleft(), len(d), list(d))
dd = defaultdict(list)
dd["a"].append(1); dd["b"].append(2); dd["a"].append(3)
print(dd, dict(dd.items()), "a" in dd)
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], c)
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], tuple(p))
def add(a, b, c=0):
    return a + b + c
print(partial(add, 1)(2), partial(add, c=5)(1, 2), reduce(lambda a, b: a * b, range(1, 6)))
def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def hello():
    "doc"
    return "hi"
print(hello.__name__, hello.__doc__, hello())
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.chain([1], (2, 3))))
print(list(itertools.product("ab", [1, 2])), list(itertools.permutations([1, 2, 3], 2))[:3])
print(list(itertools.combinations("abc", 2)), list(itertools.accumulate([1, 2, 3])))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.zip_longest("ab", "x", fillvalue="-")))

# The playground's `collections`: deque, defaultdict, Counter, namedtuple, written in
# Python on top of list and dict (after CPython's Lib/collections/__init__.py).

class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)
    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]
    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()
    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)
    def extend(self, it):
        for x in it:
            self.append(x)
    def extendleft(self, it):
        for x in it:
            self.appendleft(x)
    def clear(self):
        self._items.clear()
    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]
    def count(self, x):
        return self._items.count(x)
    def remove(self, x):
        self._items.remove(x)
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(self._items)
    def __reversed__(self):
        return reversed(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __contains__(self, x):
        return x in self._items
    def __bool__(self):
        return bool(self._items)
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"

class defaultdict:
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._d = dict(*args, **kwargs)
    def __getitem__(self, k):
        if k in self._d:
            return self._d[k]
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(self._d)
    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._d == other._d
        return self._d == other
    def get(self, k, default=None):
        return self._d.get(k, default)
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def pop(self, *a):
        return self._d.pop(*a)
    def setdefault(self, k, v=None):
        return self._d.setdefault(k, v)
    def update(self, *a, **k):
        self._d.update(*a, **k)
    def __repr__(self):
        f = self.default_factory
        fr = "None" if f is None else repr(f)
        return f"defaultdict({fr}, {self._d!r})"

class Counter:
    def __init__(self, iterable=None, **kwargs):
        self._d = {}
        if iterable is not None:
            self.update(iterable)
        if kwargs:
            self.update(kwargs)
    def update(self, iterable=None, **kwargs):
        if isinstance(iterable, (dict, Counter)):
            for k, v in iterable.items():
                self._d[k] = self._d.get(k, 0) + v
        elif iterable is not None:
            for x in iterable:
                self._d[x] = self._d.get(x, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v
    def __getitem__(self, k):
        return self._d.get(k, 0)
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(self._d)
    def __eq__(self, other):
        return isinstance(other, Counter) and self._d == other._d
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def get(self, k, default=None):
        return self._d.get(k, default)
    def total(self):
        return sum(self._d.values())
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def subtract(self, iterable=None, **kwargs):
        if isinstance(iterable, (dict, Counter)):
            for k, v in iterable.items():
                self._d[k] = self._d.get(k, 0) - v
        elif iterable is not None:
            for x in iterable:
                self._d[x] = self._d.get(x, 0) - 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) - v
    def elements(self):
        for k, v in self._d.items():
            for _ in range(v):
                yield k
    def pop(self, k, *default):
        return self._d.pop(k, *default)
    def setdefault(self, k, default=None):
        return self._d.setdefault(k, default)
    def clear(self):
        self._d.clear()
    def copy(self):
        c = Counter()
        c._d = dict(self._d)
        return c
    def __bool__(self):
        return bool(self._d)
    def _combine(self, other, op):
        # As CPython's Counter operators: keys of self, then of other, kept when positive.
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k, v in self._d.items():
            n = op(v, other[k])
            if n > 0:
                result._d[k] = n
        for k, v in other._d.items():
            if k not in self._d:
                n = op(0, v)
                if n > 0:
                    result._d[k] = n
        return result
    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)
    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)
    def __or__(self, other):
        return self._combine(other, max)
    def __and__(self, other):
        return self._combine(other, min)
    def __repr__(self):
        if not self._d:
            return "Counter()"
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common())
        return "Counter({" + inner + "})"

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    class _NT:
        __slots__ = ()
        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(f"{typename}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given")
            values = list(args)
            missing = []
            for name in fields[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    missing.append(name)
            if kwargs:
                name = next(iter(kwargs))
                if name in fields:
                    raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
            if missing:
                names = [repr(m) for m in missing]
                if len(names) == 1:
                    listed = names[0]
                elif len(names) == 2:
                    listed = f"{names[0]} and {names[1]}"
                else:
                    listed = ", ".join(names[:-1]) + f", and {names[-1]}"
                s = "" if len(missing) == 1 else "s"
                raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{s}: {listed}")
            self._values = tuple(values)
            for name, v in zip(fields, values):
                object.__setattr__(self, name, v)
        def __iter__(self):
            return iter(self._values)
        def __len__(self):
            return len(self._values)
        def __getitem__(self, i):
            return self._values[i]
        def __contains__(self, x):
            return x in self._values
        def __add__(self, other):
            return self._values + tuple(other)
        def __radd__(self, other):
            return tuple(other) + self._values
        def __mul__(self, n):
            return self._values * n
        def count(self, x):
            return self._values.count(x)
        def index(self, x, *args):
            return self._values.index(x, *args)
        def __eq__(self, other):
            return tuple(self) == tuple(other)
        def __lt__(self, other):
            return tuple(self) < tuple(other)
        def __le__(self, other):
            return tuple(self) <= tuple(other)
        def __gt__(self, other):
            return tuple(self) > tuple(other)
        def __ge__(self, other):
            return tuple(self) >= tuple(other)
        def __hash__(self):
            return hash(self._values)
        def _asdict(self):
            return dict(zip(fields, self._values))
        def _replace(self, **kwargs):
            values = [kwargs.pop(n, v) for n, v in zip(fields, self._values)]
            if kwargs:
                raise TypeError(f"Got unexpected field names: {list(kwargs)!r}")
            return type(self)(*values)
        @classmethod
        def _make(cls, iterable):
            values = tuple(iterable)
            if len(values) != len(fields):
                raise TypeError(f"Expected {len(fields)} arguments, got {len(values)}")
            return cls(*values)
        def __repr__(self):
            inner = ", ".join(f"{n}={v!r}" for n, v in zip(fields, self._values))
            cls = type(self)
            return f"{typename if cls is _NT else cls.__name__}({inner})"
    _NT._field_defaults = field_defaults
    _NT._fields = fields
    _NT.__name__ = typename
    _NT.__qualname__ = typename
    return _NT

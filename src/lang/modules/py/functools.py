# The playground's `functools` (after CPython's Lib/functools.py).

class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords
    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*self.args, *args, **kw)
    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"

def reduce(function, iterable, *initial):
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    for element in it:
        value = function(value, element)
    return value

def wraps(wrapped):
    def decorator(wrapper):
        for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
            try:
                setattr(wrapper, attr, getattr(wrapped, attr))
            except AttributeError:
                pass
        wrapper.__wrapped__ = wrapped
        return wrapper
    return decorator

def lru_cache(maxsize=128):
    def decorator(f):
        cache = {}
        @wraps(f)
        def wrapper(*args):
            if args not in cache:
                cache[args] = f(*args)
            return cache[args]
        return wrapper
    if callable(maxsize):
        return decorator(maxsize)
    return decorator

def cache(f):
    return lru_cache(None)(f)

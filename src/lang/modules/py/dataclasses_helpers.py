# The Python half of `dataclasses` (the decorator is in dataclasses.rs): the functions
# that read a class's `__dataclass_fields__`.

def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(fs.values())

def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")

def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")

def _asdict_inner(obj, factory):
    if _is_dataclass_instance(obj):
        return factory([(f.name, _asdict_inner(getattr(obj, f.name), factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, factory), _asdict_inner(v, factory)) for k, v in obj.items())
    return obj

def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)

def _astuple_inner(obj, factory):
    if _is_dataclass_instance(obj):
        return factory([_astuple_inner(getattr(obj, f.name), factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, factory), _astuple_inner(v, factory)) for k, v in obj.items())
    return obj

def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)

def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)

# The playground's `enum`: Enum and auto (after CPython's Lib/enum.py). There are no
# metaclasses here: the VM turns an Enum subclass's attributes into members when the class
# is created, and handles Color(value), Color["NAME"], iteration, len() and `in`
# (src/lang/modules/enums.rs).


class auto:
    def __repr__(self):
        return "auto()"


class Enum:
    __enum_base__ = True

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

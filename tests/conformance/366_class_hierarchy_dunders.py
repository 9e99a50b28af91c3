import asyncio
import functools


@functools.total_ordering
class Money:
    def __init__(self, cents, currency="EUR"):
        self._cents = cents
        self.currency = currency

    @property
    def cents(self):
        return self._cents

    @property
    def amount(self):
        return self._cents / 100

    @amount.setter
    def amount(self, value):
        self._cents = round(value * 100)

    @classmethod
    def parse(cls, text):
        num, cur = text.split()
        whole, _, frac = num.partition(".")
        return cls(int(whole) * 100 + int((frac + "00")[:2]), cur)

    @staticmethod
    def zero():
        return Money(0)

    def __repr__(self):
        return f"{type(self).__name__}({self._cents!r}, {self.currency!r})"

    def __str__(self):
        return f"{self._cents // 100}.{self._cents % 100:02d} {self.currency}"

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self._cents, self.currency) == (other._cents, other.currency)

    def __lt__(self, other):
        if self.currency != other.currency:
            raise TypeError(f"cannot compare {self.currency} and {other.currency}")
        return self._cents < other._cents

    def __hash__(self):
        return hash((self._cents, self.currency))

    def __add__(self, other):
        if other == 0:
            return self
        return type(self)(self._cents + other._cents, self.currency)

    __radd__ = __add__

    def __bool__(self):
        return self._cents != 0


class Tip(Money):
    def __str__(self):
        return "tip " + super().__str__()


async def pay(m, log):
    await asyncio.sleep(0)
    log.append(str(m))
    return m


async def main():
    log = []
    items = [Money.parse("3.5 EUR"), Tip(120), Money(99), Money.parse("10.05 EUR")]
    paid = await asyncio.gather(*(pay(m, log) for m in items))
    print(log)
    print(paid)
    print(sum(paid), repr(sum(paid)), sorted(paid), max(paid))
    print(Money(350) == Money.parse("3.50 EUR"), Money(1) == 1, Tip(5) == Money(5))
    print(len({Money(5), Tip(5), Money(5, "USD")}), bool(Money.zero()), Money.zero())
    m = Money(0)
    m.amount = 12.345
    print(m.cents, m.amount, m >= Money(1234), m <= Money(1234))
    try:
        Money(1) < Money(1, "USD")
    except TypeError as e:
        print("TypeError:", e)
    try:
        m.cents = 5
    except AttributeError as e:
        print("AttributeError:", e)
    print(Tip.parse("1.2 GBP"), type(Tip.parse("0.01 X")).__name__, Tip.zero().__class__.__name__)
    print(Tip.__mro__[1].__name__, isinstance(Tip(1), Money), issubclass(Money, Tip))


asyncio.run(main())

"""Guard against a broken Qt binding: PySide6-Essentials 6.12.0 dropped a reference to None
on every void method call, aborting the app after a few thousand calls."""
import sys


def test_void_calls_keep_none_alive(qapp):
    from PySide6.QtWidgets import QWidget

    w = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        w.resize(10, 10)
    assert sys.getrefcount(None) >= before - 50

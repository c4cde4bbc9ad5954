"""Where the reader is and how they read: the interview opened from the list and its
question, remembered in the settings for the next start with the pane's zoom and view
toggles, and found again when a load brings that interview back (a reload, a restart).  While
nothing is to be found again, the first interview opens as soon as it arrives, so there is
something to read straight away.  When a filter hides every interview, the pane says so
instead of showing one the list no longer has, and the interview comes back (at its
question) when the filter lets it through again.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

translate = QCoreApplication.translate

K_INTERVIEW = "reading/last_interview"
K_QUESTION = "reading/last_question"
K_ZOOM = "reading/zoom"
K_WHOLE = "reading/whole_interview"
K_REMOVED = "reading/show_removed"


class ReadingPlace(QObject):
    def __init__(self, window, settings):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.list = window.interview_list
        self.pane = window.reading_pane
        # (interview id, question) to reopen when that interview arrives from the loader
        self._pending: tuple[str, int] | None = None
        # while a filter hides every interview: the pane says so, and the place it put aside
        # (kept through a reload, found again when the filter lets it through)
        self._filtered_out = False
        self._hidden: tuple[str, int] | None = None
        # looked at once the filter's change is over (the list's selection follows it then)
        self._matches_check = QTimer(self)
        self._matches_check.setSingleShot(True)
        self._matches_check.setInterval(0)
        self._matches_check.timeout.connect(self._on_matches_changed)
        proxy = self.list.proxy
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._matches_check.start)
        self.list.interview_selected.connect(self._on_interview_selected)
        self.pane.current_exchange_changed.connect(self._on_exchange_changed)
        self.pane.zoom_changed.connect(lambda z: settings.setValue(K_ZOOM, z))
        self.pane.whole_interview_changed.connect(lambda w: settings.setValue(K_WHOLE, w))
        self.pane.show_removed_changed.connect(lambda s: settings.setValue(K_REMOVED, s))

    def restore_view(self) -> None:
        """The pane's zoom and view toggles as the last session left them."""
        s = self.settings
        self.pane.set_zoom(s.value(K_ZOOM, 0, type=int))
        self.pane.set_whole_interview(s.value(K_WHOLE, False, type=bool))
        self.pane.set_show_removed(s.value(K_REMOVED, False, type=bool))

    def last(self) -> tuple[str, int] | None:
        """The place saved by the last session."""
        iid = self.settings.value(K_INTERVIEW, "", type=str)
        return (iid, self.settings.value(K_QUESTION, 1, type=int)) if iid else None

    def current(self) -> tuple[str, int] | None:
        """Where the reader is (the place put aside while the filter hides every interview)."""
        iv = self.pane.interview()
        return (iv.id, self.pane.current_number()) if iv is not None else self._hidden

    def save(self) -> None:
        s, pane = self.settings, self.pane
        s.setValue(K_ZOOM, pane.zoom())
        s.setValue(K_WHOLE, pane.is_whole_interview())
        s.setValue(K_REMOVED, pane.shows_removed())
        place = self.current()
        if place is not None:
            self._remember(*place)

    def expect(self, place: tuple[str, int] | None) -> None:
        """A load starts: open ``place`` when its interview arrives (None: the first one)."""
        self._pending = place

    def show_interview(self, interview_id: str, number: int | None = 1) -> bool:
        """Select an interview in the list and open it at question ``number`` (None: where
        opening it leads, e.g. the first exchange on the selected themes)."""
        if not self.list.select_interview(interview_id):
            return False
        if number is None:
            return True
        return self.pane.go_to(number) or number == 1

    # -- the session -------------------------------------------------------------------------
    @Slot()
    def on_cleared(self) -> None:
        if self._pending is None:  # a reload keeps the old text in view until the new one arrives
            self.pane.set_interview(None)

    @Slot(object, object)
    def on_added(self, interviews: list, _problems: list) -> None:
        if self._pending is not None:
            if any(iv.id == self._pending[0] for iv in interviews):
                self.list.select_interview(self._pending[0])
        elif self.pane.interview() is None and self.list.visible_count():
            self.list.select_row(0)  # show something to read straight away

    @Slot(bool)
    def on_loaded(self, complete: bool) -> None:
        if not complete:
            self._pending = None
            return
        shown = self.pane.interview()
        if shown is not None and self.list.interview(shown.id) is not shown:
            self.pane.set_interview(None)  # kept through a reload, but gone from the files
        if self._pending is not None:
            self._pending = None
            if self.pane.interview() is None and self.list.visible_count():
                self.list.select_row(0)

    # -- the filter ---------------------------------------------------------------------------
    @Slot()
    def _on_matches_changed(self) -> None:
        shown, total = self.list.visible_count(), self.list.source_model.rowCount()
        if total and not shown:
            if not self._filtered_out:
                self._filtered_out = True
                self._hidden = self.current()
            text = translate("MainWindow", "No interview matches the filter. Change or clear it to read on.")
            # (again after a reload: clearing the corpus gave the pane its "nothing open" text)
            if self.pane.interview() is not None or self.pane.empty_text() != text:
                self.pane.set_interview(None, empty_text=text)
                self.window.setWindowTitle("kzreader")
        elif shown and self._filtered_out:
            self._filtered_out = False
            place, self._hidden = self._hidden, None
            if self.pane.interview() is not None:
                return  # a new load has opened one already
            # the interview put aside if the filter lets it through, else the first one shown
            if place is not None and self.list.select_interview(place[0]):
                self.pane.go_to(place[1])
            else:
                self.list.select_row(0)

    # -- the reader ---------------------------------------------------------------------------
    @Slot(str)
    def _on_interview_selected(self, interview_id: str) -> None:
        interview = self.list.interview(interview_id)
        if interview is None or interview is self.pane.interview():
            return
        number = 1
        if self._pending is not None:
            if self._pending[0] == interview_id:
                number = self._pending[1]
            self._pending = None  # the user (or the restore) has chosen; stop waiting
        self.pane.set_interview(interview, number)
        self.window.setWindowTitle(translate("MainWindow", "{0} — kzreader").format(interview.display_title))

    @Slot(str, int)
    def _on_exchange_changed(self, interview_id: str, number: int) -> None:
        if interview_id:
            self._remember(interview_id, number)

    def _remember(self, interview_id: str, number: int) -> None:
        self.settings.setValue(K_INTERVIEW, interview_id)
        self.settings.setValue(K_QUESTION, number)

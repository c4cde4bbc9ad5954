"""The Qt user interface of kzreader: thin adapters and widgets over kzreader.core, grouped by
feature (``library``, ``reading``, ``bookmarks``, ``themes``, ``search``, ``across``, and shared
``widgets``); the window shell sits at the top (``app``, ``main_window``, ``window_menus``,
``dock_layout``, ``preferences``, ``shortcuts``, ``i18n`` and the rest)."""

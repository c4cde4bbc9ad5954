"""The Qt user interface of kzreader: thin adapters and widgets over kzreader.core."""

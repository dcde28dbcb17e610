// Widget tests for the filterbar: written with the widget.

// Widget tests for the connectiondialog: written with the widget.

// Widget tests for the volume chart: written with the widget.

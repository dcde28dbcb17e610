#pragma once

#include <QDialog>

// Help → Keyboard shortcuts: every shortcut of the window in one table.
// Thread: the GUI thread.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
};

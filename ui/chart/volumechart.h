#pragma once

#include "audittimestamp.h"
#include "volumestats.h"

#include <QStringList>
#include <QTimeZone>
#include <QWidget>

#include <memory>
#include <optional>

class QChart;

// Request volume over time, above the table: Today (hourly buckets from local midnight),
// 7 days and 30 days (local days), chosen with toggle buttons. Draws the total and,
// optionally, the five busiest actions and "other" as bands stacked up to it, with a
// legend whose entries toggle their series; a time axis with readable labels; a hover
// tooltip with the bucket's time and counts; the peak marked. Clicking a bucket asks to
// filter the table to that bucket (drill-down). While a new series loads, the previous
// picture stays with a busy overlay. No data: "No requests in this period".
// Its action filter follows the table's filter by default, or can be detached to chosen
// actions. Thread: the GUI thread.
class VolumeChart : public QWidget
{
    Q_OBJECT
public:
    explicit VolumeChart(QWidget *parent = nullptr);
    ~VolumeChart() override;

    VolumePeriod period() const;
    void setPeriod(VolumePeriod period); // emits periodChanged when it changes

    // Shows `series` (its buckets are zero-filled by the core) and ends the busy state.
    void setSeries(const VolumeSeries &series);
    const VolumeSeries &series() const;
    // Keeps the current picture and overlays a busy indicator.
    void setBusy(bool busy);
    bool isBusy() const;
    // Shows a one-sentence error in place of the chart (plain text).
    void showError(const QString &message);

    // The zone of the axis labels and tooltips (local, or UTC when toggled).
    void setTimeZone(const QTimeZone &zone);

    // Detached action filter: the choices offered, and whether the chart follows the table.
    void setActionChoices(const QStringList &actions);
    bool followsTableFilter() const;
    void setFollowsTableFilter(bool follows);
    QStringList detachedActions() const; // empty: all actions
    void setDetachedActions(const QStringList &actions);

    bool showsActionLines() const;
    void setShowsActionLines(bool show);
    // Reading many schemas, "Per tenant" is offered: the busiest tenants as bands and the rest
    // as "other". Not available: the button is hidden and the chart counts per action.
    void setPerTenantAvailable(bool available);
    VolumeGrouping grouping() const;
    void setGrouping(VolumeGrouping grouping); // emits groupingChanged when it changes

    // The bucket containing the point at `pos` in this widget's coordinates, if any (tests).
    std::optional<int> bucketAt(const QPoint &pos) const;
    // Where bucket `index` is drawn, in this widget's coordinates (tests).
    QPoint bucketPosition(int index) const;
    // What the chart says instead of lines: empty-state or error text; empty when drawing lines.
    QString placeholderText() const;
    // The bucket marked as the peak (the first of the busiest), if any requests were counted.
    std::optional<int> peakBucket() const;
    // The hover tooltip of bucket `index`: its time range in the display zone and its counts.
    QString bucketToolTip(int index) const;
    // The plot with its series, axes and legend (tests and screenshots; do not restyle it).
    QChart *chart() const;

protected:
    // Clicks sent to this widget itself (not to the plot under them) drill down as well.
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

signals:
    void periodChanged(VolumePeriod period);
    // Follow/detach toggled or the detached selection changed: the caller reloads.
    void actionFilterChanged();
    // Per action or per tenant: the series must be counted again.
    void groupingChanged();
    // Drill-down: the table should show [from, until).
    void bucketClicked(AuditTimestamp from, AuditTimestamp until);

private:
    void updatePlaceholder();
    void emitBucketClicked(int index);

    struct Private;
    std::unique_ptr<Private> d; // NOLINT(readability-identifier-naming): Qt's d-pointer
};

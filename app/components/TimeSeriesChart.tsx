// A chart.js chart with an accessible alternative: the same numbers as a data table
// (toggle), and an aria-label summarising the chart for screen readers.
import { memo, useId, useMemo, useState } from "react";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from "chart.js";
import { Chart } from "react-chartjs-2";
import { BlockStack, Button, Card, DataTable, InlineStack, Text } from "@shopify/polaris";

// Mixed bar/line charts go through the generic <Chart>, which needs the controllers too.
ChartJS.register(
  BarController,
  LineController,
  CategoryScale,
  LinearScale,
  BarElement,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export interface SeriesSpec {
  label: string;
  /** Numbers for drawing; `display` strings for the table (exact, formatted). */
  values: number[];
  display: string[];
  type: "bar" | "line";
  axis?: "y" | "y1";
  color: string;
  /** Whole numbers (orders, customers): the axis then ticks in whole steps, never 0.5. */
  counts?: boolean;
}

export interface TimeSeriesChartProps {
  title: string;
  labels: string[]; // formatted bucket labels (the table's first column)
  /** Shorter labels for the x axis ("Nov 24" rather than "Week of Nov 24"); default `labels`. */
  tickLabels?: string[];
  series: SeriesSpec[];
}

// Memoised: the Overview re-renders on every navigation state change; the chart only needs
// to redraw when its numbers change (chart.js then updates the existing chart in place).
export const TimeSeriesChart = memo(function TimeSeriesChart({
  title,
  labels,
  tickLabels,
  series,
}: TimeSeriesChartProps) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const twoAxes = series.some((s) => s.axis === "y1");
  const summary = `${title}: ${labels.length} periods from ${labels[0] ?? ""} to ${labels[labels.length - 1] ?? ""}.`;
  const data = useMemo(
    () => ({
      labels: tickLabels ?? labels,
      datasets: series.map((s) => ({
        type: s.type,
        label: s.label,
        data: s.values,
        yAxisID: s.axis ?? "y",
        backgroundColor: s.color,
        borderColor: s.color,
        borderWidth: s.type === "line" ? 2 : 0,
        pointRadius: labels.length > 60 ? 0 : 2,
        order: s.type === "line" ? 0 : 1,
      })),
    }),
    [labels, tickLabels, series],
  );
  const options = useMemo(() => {
    const wholeSteps = (axis: "y" | "y1") => {
      const onAxis = series.filter((s) => (s.axis ?? "y") === axis);
      return onAxis.length > 0 && onAxis.every((s) => s.counts) ? { precision: 0 } : {};
    };
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      interaction: { mode: "index" as const, intersect: false },
      // Room at the edges so the first and last date labels are not cut off.
      layout: { padding: { left: 4, right: 12, top: 4 } },
      plugins: {
        legend: { display: series.length > 1 },
        tooltip: {
          callbacks: {
            title: (items: { dataIndex: number }[]) => labels[items[0]?.dataIndex ?? 0] ?? "",
            label: (ctx: { dataset: { label?: string }; datasetIndex: number; dataIndex: number }) =>
              `${ctx.dataset.label}: ${series[ctx.datasetIndex]?.display[ctx.dataIndex] ?? ""}`,
          },
        },
      },
      scales: {
        // Horizontal labels, thinned to what fits (autoSkip), instead of rotated ones that
        // overflow the card's edge on wide admins and overlap on narrow ones.
        x: { ticks: { autoSkip: true, autoSkipPadding: 16, maxRotation: 0, minRotation: 0, padding: 4 } },
        y: { beginAtZero: true, position: "left" as const, ticks: wholeSteps("y") },
        ...(twoAxes
          ? {
              y1: {
                beginAtZero: true,
                position: "right" as const,
                grid: { drawOnChartArea: false },
                ticks: wholeSteps("y1"),
              },
            }
          : {}),
      },
    };
  }, [labels, series, twoAxes]);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          <Button
            variant="plain"
            onClick={() => setShowTable((v) => !v)}
            ariaExpanded={showTable}
            ariaControls={tableId}
          >
            {showTable ? "Show chart" : "Show data table"}
          </Button>
        </InlineStack>
        {showTable ? (
          <div id={tableId}>
            <DataTable
              columnContentTypes={["text", ...series.map(() => "numeric" as const)]}
              headings={["Period", ...series.map((s) => s.label)]}
              rows={labels.map((label, i) => [label, ...series.map((s) => s.display[i] ?? "")])}
            />
          </div>
        ) : (
          <div style={{ position: "relative", height: 260 }}>
            <Chart type="bar" role="img" aria-label={summary} data={data} options={options}>
              <p>{summary}</p>
            </Chart>
          </div>
        )}
      </BlockStack>
    </Card>
  );
});

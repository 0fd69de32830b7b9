import { useSearchParams } from "@remix-run/react";
import { Banner, Card } from "@shopify/polaris";
import { DateRangePicker, type DateRangePickerProps } from "./DateRangePicker";
import { rangeUpdates, withParams } from "./search-params";

// What the Customers and Products lists share above their table: the fallback
// notice for a bad range, the import-in-progress notice, and the range picker.
export function ListPageControls(props: {
  error: string | null | undefined;
  syncCompleted: boolean;
  importMessage: string;
  range: Pick<DateRangePickerProps, "preset" | "from" | "to">;
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { range } = props;
  return (
    <>
      {props.error && (
        <Banner tone="warning" title="Showing the last 30 days instead">
          <p>{props.error}</p>
        </Banner>
      )}
      {!props.syncCompleted && (
        <Banner tone="info" title="Import in progress">
          <p>{props.importMessage}</p>
        </Banner>
      )}
      <Card>
        <DateRangePicker
          preset={range.preset}
          from={range.from}
          to={range.to}
          onChange={(change) => setSearchParams(withParams(searchParams, rangeUpdates(change)))}
        />
      </Card>
    </>
  );
}

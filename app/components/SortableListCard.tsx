// Searchable, sortable, paginated list whose state lives in the URL (q, sort,
// direction, page), so the loader does the searching/sorting/paging in SQL.
import { useState } from "react";
import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, InlineStack, Pagination, Text, TextField } from "@shopify/polaris";
import { TableSkeleton } from "./LoadingSkeleton";
import { withParams } from "./search-params";

export interface ListColumn<Sort extends string> {
  heading: string;
  type: "text" | "numeric";
  /** Sort key understood by the loader, when the column is sortable. */
  sort?: Sort;
}

export interface SortableListCardProps<Sort extends string> {
  columns: ListColumn<Sort>[];
  rows: (string | number)[][];
  q: string;
  sort: Sort;
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
  total: number;
  searchLabel: string;
  emptyMessage: string;
  pathname: string;
}

export function SortableListCard<Sort extends string>(props: SortableListCardProps<Sort>) {
  const { columns, rows, sort, direction, page, pageSize, total } = props;
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === props.pathname;
  const [query, setQuery] = useState(props.q);
  // A new query from the URL replaces the local edit (state adjusted while rendering, not in an effect).
  const [shownQ, setShownQ] = useState(props.q);
  if (shownQ !== props.q) {
    setShownQ(props.q);
    setQuery(props.q);
  }
  const sortIndex = columns.findIndex((c) => c.sort === sort);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);

  return (
    <Card>
      <BlockStack gap="300">
        <Form
          method="get"
          onSubmit={(event) => {
            event.preventDefault();
            setSearchParams(withParams(searchParams, { q: query, page: null }));
          }}
        >
          <InlineStack gap="200" blockAlign="end">
            <div style={{ flexGrow: 1 }}>
              <TextField
                label={props.searchLabel}
                value={query}
                onChange={setQuery}
                autoComplete="off"
                clearButton
                onClearButtonClick={() => {
                  setQuery("");
                  setSearchParams(withParams(searchParams, { q: null, page: null }));
                }}
              />
            </div>
            <Button submit>Search</Button>
          </InlineStack>
        </Form>
        {loading ? (
          <TableSkeleton />
        ) : rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {props.emptyMessage}
          </Text>
        ) : (
          <DataTable
            columnContentTypes={columns.map((c) => c.type)}
            headings={columns.map((c) => c.heading)}
            rows={rows}
            sortable={columns.map((c) => c.sort !== undefined)}
            initialSortColumnIndex={sortIndex >= 0 ? sortIndex : undefined}
            defaultSortDirection={direction === "asc" ? "ascending" : "descending"}
            onSort={(index, sortDirection) => {
              const key = columns[index]?.sort;
              if (!key) return;
              setSearchParams(
                withParams(searchParams, {
                  sort: key,
                  direction: sortDirection === "ascending" ? "asc" : "desc",
                  page: null,
                }),
              );
            }}
          />
        )}
        <InlineStack align="space-between" blockAlign="center">
          <Text as="span" variant="bodySm" tone="subdued">
            {total === 0 ? "No results" : `${first}–${last} of ${total}`}
          </Text>
          <Pagination
            hasPrevious={page > 1}
            hasNext={page < pages}
            onPrevious={() => setSearchParams(withParams(searchParams, { page: String(page - 1) }))}
            onNext={() => setSearchParams(withParams(searchParams, { page: String(page + 1) }))}
            label={`Page ${page} of ${pages}`}
          />
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

// Downloads an endpoint's CSV. Inside the admin, App Bridge adds the session token to
// same-origin fetches, so the API authenticates the download like any other call.
import { useState } from "react";
import { Button } from "@shopify/polaris";

export function CsvDownloadButton({
  path,
  filename,
  label = "Download CSV",
}: {
  path: string;
  filename: string;
  label?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function download() {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(path, { headers: { Accept: "text/csv" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button onClick={download} loading={busy} tone={failed ? "critical" : undefined}>
      {failed ? "Download failed — retry" : label}
    </Button>
  );
}

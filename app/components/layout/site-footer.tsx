import { useT } from "../root-data.ts";

export function SiteFooter() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.sponsor")}</p>
        <p>{t("footer.basis")}</p>
        <p>{t("footer.copyright", { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}

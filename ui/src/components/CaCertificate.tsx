import { t } from '../i18n';

/** Where the box's reverse proxy serves its local CA certificate (compose/reverse-proxy, docs/INSTALL.md). */
export const CA_CERTIFICATE_PATH = '/arasul-ca.crt';

/** The download of the box's CA certificate, which a browser must trust before https://arasul.local and n8n open without a warning. */
export function CaCertificateLink() {
  return (
    <a href={CA_CERTIFICATE_PATH} download="arasul-ca.crt" data-test="ca-certificate">
      {t('trust.download')}
    </a>
  );
}

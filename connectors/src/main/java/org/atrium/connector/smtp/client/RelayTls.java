package org.atrium.connector.smtp.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The relay client's TLS (RFC 3207): with {@code atrium.relay.tls-verify} the JDK's trust store and host name
 * verification; without it any certificate, since opportunistic TLS protects against passive listeners only and a
 * refused certificate would mean sending in plain text instead (RFC 7435 §1.3).
 */
final class RelayTls {

    private RelayTls() {
    }

    static SSLSocketFactory socketFactory(boolean verify) {
        try {
            if (verify) {
                return SSLContext.getDefault().getSocketFactory();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context for the relay client", e);
        }
    }

    /** Opportunistic TLS (RFC 7435 §1.3): encrypt whatever the certificate, do not authenticate. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            // The relay client never accepts connections, so no client certificate is ever to be judged here.
            throw new CertificateException("the relay client trusts servers only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            // The relay client never accepts connections, so no client certificate is ever to be judged here.
            throw new CertificateException("the relay client trusts servers only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            // The relay client never accepts connections, so no client certificate is ever to be judged here.
            throw new CertificateException("the relay client trusts servers only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // opportunistic: any certificate
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // opportunistic: any certificate
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // opportunistic: any certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package dev.sessionkit.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The outage tests trust {@link TcpProxy#cut()} to leave no connection alive: one accepted while
 * the cut runs and kept by a pool would let a health check or a request through the "outage".
 */
class TcpProxyTest {

    @Test
    void noConnectionOutlivesACutEvenOneAcceptedDuringIt() throws Exception {
        List<Socket> backend = new CopyOnWriteArrayList<>();
        try (ServerSocket target = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        backend.add(target.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            TcpProxy proxy = new TcpProxy(target.getLocalPort());
            int survivors = 0;
            try {
                for (int round = 0; round < 60; round++) {
                    List<Socket> clients = connectWhileCutting(proxy);
                    for (Socket client : clients) {
                        if (aliveAfterCut(client)) {
                            survivors++;
                        }
                        client.close();
                    }
                    proxy.start();
                }
            } finally {
                proxy.close();
                for (Socket s : backend) {
                    s.close();
                }
            }
            assertEquals(0, survivors, "connections that survived a cut");
        }
    }

    private static List<Socket> connectWhileCutting(TcpProxy proxy) throws Exception {
        List<Socket> clients = new CopyOnWriteArrayList<>();
        List<Thread> dialers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread dialer = new Thread(() -> {
                for (int n = 0; n < 5; n++) {
                    try {
                        clients.add(new Socket(InetAddress.getLoopbackAddress(), proxy.port()));
                    } catch (IOException refused) {
                        return;
                    }
                }
            });
            dialers.add(dialer);
            dialer.start();
        }
        Thread.sleep(1);
        proxy.cut();
        for (Thread dialer : dialers) {
            dialer.join();
        }
        return clients;
    }

    /** A cut connection reads end-of-stream or an error; a live one just waits for data. */
    private static boolean aliveAfterCut(Socket client) throws IOException {
        client.setSoTimeout(300);
        try (InputStream in = client.getInputStream()) {
            return in.read() >= 0;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException reset) {
            return false;
        }
    }
}

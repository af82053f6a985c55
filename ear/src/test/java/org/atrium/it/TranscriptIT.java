package org.atrium.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every transcript under src/test/resources/transcripts/{smtp,pop3,imap}, run against the deployed server. */
class TranscriptIT {

    @TestFactory
    Stream<DynamicTest> smtp() throws Exception {
        return transcripts("smtp");
    }

    @TestFactory
    Stream<DynamicTest> pop3() throws Exception {
        return transcripts("pop3");
    }

    @TestFactory
    Stream<DynamicTest> imap() throws Exception {
        return transcripts("imap");
    }

    private Stream<DynamicTest> transcripts(String protocol) throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/transcripts/" + protocol).toURI());
        return Files.list(dir).filter(p -> p.toString().endsWith(".txt")).sorted()
                .map(p -> DynamicTest.dynamicTest(protocol + "/" + p.getFileName(), () -> new Transcript().run(p)))
                .toList().stream();
    }
}

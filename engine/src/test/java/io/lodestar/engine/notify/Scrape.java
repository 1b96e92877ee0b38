package io.lodestar.engine.notify;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a counter as Prometheus would: from the registry's text exposition. */
final class Scrape {

    private Scrape() {
    }

    /** The value of the sample written exactly as {@code series} (e.g. {@code x_total{reason="duplicate"}}), 0 if absent. */
    static double value(PrometheusRegistry registry, String series) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return 0;
    }
}

package app.nobat.booking.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The official holidays shipped as data ({@code holidays/*.yml}), one file per Solar Hijri year. */
public class NationalHolidays {

    public record Holiday(LocalDate date, String jalali, Map<String, String> names) {}

    record YearFile(int year, List<Holiday> holidays) {}

    private final NavigableMap<LocalDate, Holiday> byDate = new TreeMap<>();

    public NationalHolidays(String locationPattern) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                try (InputStream in = r.getInputStream()) {
                    yaml.readValue(in, YearFile.class).holidays().forEach(h -> byDate.put(h.date(), h));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the holiday files " + locationPattern, e);
        }
    }

    public Map<String, String> on(LocalDate date) {
        Holiday h = byDate.get(date);
        return h == null ? null : h.names();
    }

    public List<Holiday> between(LocalDate from, LocalDate untilInclusive) {
        return List.copyOf(byDate.subMap(from, true, untilInclusive, true).values());
    }
}

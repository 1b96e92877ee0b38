package io.lodestar.resolver.wire;

import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * An RRset (RFC 2181 §5) the pipeline moves between sections without looking inside: the records
 * stay dnsjava objects behind this package. Immutable.
 */
public final class RrSet {

    private final Record[] records;
    private final String owner;
    private final int type;

    RrSet(List<Record> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty RRset");
        }
        this.records = records.toArray(new Record[0]);
        this.owner = key(this.records[0].getName());
        this.type = this.records[0].getRRsetType();
    }

    RrSet(Record record) {
        this(List.of(record));
    }

    /** Owner name, lower case, without the final dot. */
    public String owner() {
        return owner;
    }

    public int type() {
        return type;
    }

    public int size() {
        return records.length;
    }

    Record[] records() {
        return records;
    }

    Record first() {
        return records[0];
    }

    /** The same records under another owner: wildcard synthesis (RFC 4592 §2.2.1). */
    RrSet withOwner(Name name) {
        Record[] r = new Record[records.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = records[i].withName(name);
        }
        return new RrSet(List.of(r));
    }

    /** The key form of a name used across the resolver: lower case, no final dot. */
    static String key(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return owner + "/" + type + "×" + records.length;
    }
}

package org.campusproctor.interfaces.web.console;

import org.campusproctor.application.Page;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A data table's rows read a page at a time from a service that pages on the server ({@link Page}); rows are view
 * records, keyed by {@code key}.
 */
public class PagedList<T> extends LazyDataModel<T> {

    /** The service's page for (page number, size). */
    public interface Source<T> extends java.io.Serializable {
        Page<T> page(int page, int size);
    }

    private final Source<T> source;
    private final transient Function<T, String> key;
    private long total = -1;

    public PagedList(Source<T> source, Function<T, String> key) {
        this.source = source;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        if (total < 0) {
            total = source.page(0, 1).total();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
        int size = Math.max(1, Math.min(pageSize, Page.MAX_SIZE));
        Page<T> page = source.page(first / size, size);
        total = page.total();
        setRowCount((int) Math.min(Integer.MAX_VALUE, total));
        return page.items();
    }

    @Override
    public String getRowKey(T row) {
        return key == null ? null : key.apply(row);
    }

    @Override
    public T getRowData(String rowKey) {
        return null; // no row selection in these tables
    }
}

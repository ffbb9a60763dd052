package org.topicbench.eval;

/**
 * Where an evaluation keeps its finished cells, so that a run can be split into shards, resumed after a
 * crash, and merged: a cell found here is not computed again. Implementations must be thread-safe and
 * write each cell atomically.
 */
public interface CellStore {
  /** The cell with this key, or null when it has not been computed. */
  Cell get(Cell.Key key);

  /** Keeps a finished cell. */
  void put(Cell.Key key, Cell cell);

  /** A store that keeps nothing. */
  CellStore NONE = new CellStore() {
    @Override
    public Cell get(Cell.Key key) {
      return null;
    }

    @Override
    public void put(Cell.Key key, Cell cell) {}
  };
}

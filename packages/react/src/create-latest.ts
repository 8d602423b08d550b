/** The latest value of something a long-lived object reads later (props, for the chat store): call it to read. */
export type Latest<Value> = (() => Value) & { set: (value: Value) => void };

export function createLatest<Value>(value: Value): Latest<Value> {
  const latest = () => value;
  latest.set = (next: Value) => {
    value = next;
  };
  return latest;
}

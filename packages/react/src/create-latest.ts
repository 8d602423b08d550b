/** A box holding the latest value of something a long-lived object reads later (props, for the chat store). */
export type Latest<Value> = { get: () => Value; set: (value: Value) => void };

export function createLatest<Value>(value: Value): Latest<Value> {
  let current = value;
  return {
    get: () => current,
    set(next) {
      current = next;
    },
  };
}

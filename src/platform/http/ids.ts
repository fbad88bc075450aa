const UUID = /^[0-9a-f-]{36}$/

/** An id in a URL or form is looked up only if it has the shape of one; anything else is simply not found. */
export const isUuid = (value: string) => UUID.test(value)

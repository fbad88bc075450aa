/** The small error vocabulary: features throw these, the one error handler turns them into pages. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly id: string,
    message: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFound extends HttpError {
  constructor(message = 'Page not found') {
    super(404, 'not_found', message)
  }
}

export class Forbidden extends HttpError {
  constructor(id = 'forbidden', message = 'You do not have permission to do that') {
    super(403, id, message)
  }
}

export class Conflict extends HttpError {
  constructor(id: string, message: string) {
    super(409, id, message)
  }
}

export class TooManyRequests extends HttpError {
  constructor(message = 'Too many requests') {
    super(429, 'rate_limited', message)
  }
}

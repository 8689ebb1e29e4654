import { Composer as GrammyComposer, type Context, type Middleware, type MiddlewareFn } from "grammy";

/**
 * grammY's Composer, with filter() testing its predicate directly. on(), command(), callbackQuery() and
 * chatType() all go through filter(). grammY's own filter() runs through lazy(), which builds a fresh
 * Composer for every update it tests, and a text in a private chat passes up to 42 filters on its way
 * to search. That cost about 1 µs per filter per update in `npm run bench` (see grammyjs/grammY#765).
 * What runs is unchanged: the filtered middleware when the predicate holds, otherwise the next one.
 */
export class Composer<C extends Context> extends GrammyComposer<C> {
  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const branch = new Composer<C>(...middleware);
    // Read on every call: middleware may be added to the branch after this returns.
    const enter: MiddlewareFn<C> = (ctx, next) => branch.middleware()(ctx, next);
    this.use((ctx, next) => {
      const verdict = predicate(ctx);
      if (typeof verdict === "boolean") return verdict ? enter(ctx, next) : next();
      return verdict.then((holds) => (holds ? enter(ctx, next) : next()));
    });
    return branch;
  }
}

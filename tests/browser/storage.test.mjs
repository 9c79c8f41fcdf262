// Never lose work: every edit is stored in IndexedDB at once, a reload or a closed tab gives
// back exactly the same documents (entities with their provenance, claims, statuses, the shown
// document, the undo history), a storage failure is shown to the user and what was not saved is
// written as soon as storage works again; re-annotating a corrected document asks first.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, annotate } from './harness.mjs';
import {
  entities,
  entity,
  claims,
  queue,
  state,
  ready,
  shownAnnotated,
  saved,
  clickEntity,
  addEntity,
  addClaim,
  importPasted,
  bannerText,
  clean,
} from './helpers.mjs';

const TEXT_A =
  '🙂 Kaboul, 15 juillet 2016. – « Nous resterons », a déclaré Ashraf Ghani devant la presse.\n' +
  'Jean Valjean a estimé que la ville comptait 3 500 soldats. Selon l’AFP, le calme est revenu.';
const TEXT_B = 'Lyon, le 3 mars 2021. La préfecture du Rhône a mobilisé 200 policiers, a précisé Claire Vasseur.';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

/** A fresh context (empty IndexedDB); `init` runs in the page before its scripts. */
async function withPage(fn, { init } = {}) {
  const { context, page } = await openPage(env.browser, env.url, { goto: !init });
  try {
    if (init) {
      await page.addInitScript(init);
      await page.goto(env.url);
    }
    await ready(page);
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

/** Makes `IDBObjectStore.prototype.put` throw a quota error while `window.__failPut` is true. */
function quotaFailure() {
  window.__failPut = false;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__failPut) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
}

async function reload(page) {
  await page.reload();
  await ready(page);
}

/** What the page shows of the current document. */
async function shown(page) {
  return {
    input: await page.inputValue('#input'),
    output: await page.textContent('#output'),
    entities: await entities(page),
    claims: await claims(page),
    queue: await queue(page),
  };
}

describe('a reload gives back everything', () => {
  test('documents, provenance, claims, statuses, the shown document and the undo position', async () => {
    await withPage(async (page) => {
      // Record every state the save indicator goes through.
      await page.evaluate(() => {
        window.__saveStates = [];
        const el = document.querySelector('#save-state');
        new MutationObserver(() => window.__saveStates.push(el.dataset.state)).observe(el, { attributes: true });
      });
      await annotate(page, TEXT_A);
      await saved(page);
      assert.equal((await entity(page, 'Ashraf Ghani'))?.provenance, 'model', 'the model suggests Ashraf Ghani');
      await page.evaluate(() => {
        window.__saveStates = [];
      });
      // Document A: accept a suggestion, relabel one, a hand-made claim and entity.
      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('Enter');
      await saved(page);
      assert.deepEqual(await page.evaluate(() => window.__saveStates), ['saving', 'saved'], 'the change is saved at once');
      await clickEntity(page, 'Jean Valjean');
      await page.keyboard.press('2');
      await addClaim(page, 'devant la presse');
      await addEntity(page, 'devant la presse', '4');
      // Document B, the one shown at reload: its last edit rejects a suggestion.
      await page.click('#new-doc');
      await annotate(page, TEXT_B);
      const lyon = await entity(page, 'Lyon');
      assert.equal(lyon?.provenance, 'model', JSON.stringify(await entities(page)));
      await clickEntity(page, 'Claire Vasseur');
      await page.keyboard.press('6');
      await clickEntity(page, 'Lyon');
      await page.keyboard.press('Delete');
      assert.equal(await entity(page, 'Lyon'), null);
      await saved(page);

      const before = await state(page);
      assert.equal(before.docs.length, 2);
      assert.equal(before.current, before.order[1], 'B is shown');
      const shownB = await shown(page);
      assert.deepEqual(
        shownB.queue.map((d) => d.status),
        ['in_progress', 'in_progress'],
      );

      await reload(page);
      assert.deepEqual(await state(page), before, 'the stored documents are exactly the ones edited');
      assert.deepEqual(await shown(page), shownB, 'B is shown again, with the same highlights');
      assert.equal((await entity(page, 'Claire Vasseur'))?.label, 'NUM');

      // The undo position came back: Ctrl+Z undoes B's last edit (the rejection) …
      assert.equal(await page.isDisabled('#undo'), false);
      await page.keyboard.press('Control+z');
      assert.equal((await entity(page, 'Lyon'))?.provenance, 'model', 'the rejected suggestion is back');
      // … and in A the button undoes its last edits, in order.
      await page.keyboard.press('Alt+ArrowUp');
      await page.waitForFunction((t) => document.querySelector('#input').value === t, TEXT_A);
      const a = await entities(page);
      assert.deepEqual(
        ['Ashraf Ghani', 'Jean Valjean', 'devant la presse'].map((t) => {
          const e = a.find((x) => x.text === t);
          return e && [e.label, e.provenance];
        }),
        [
          ['PER', 'accepted'],
          ['ORG', 'edited'],
          ['MISC', 'manual'],
        ],
      );
      assert.equal((await claims(page)).filter((c) => c.provenance === 'manual').length, 1);
      await page.click('#undo');
      assert.equal(await entity(page, 'devant la presse'), null, 'the MISC is undone');
      assert.equal((await claims(page)).filter((c) => c.provenance === 'manual')[0]?.content, 'devant la presse');
      await page.click('#undo');
      assert.deepEqual((await claims(page)).filter((c) => c.provenance === 'manual'), [], 'the hand-made claim is undone');
      await page.click('#redo');
      assert.equal((await claims(page)).filter((c) => c.provenance === 'manual')[0]?.content, 'devant la presse');
      // Undo and redo are saved too.
      await saved(page);
      await reload(page);
      assert.equal(await page.inputValue('#input'), TEXT_A, 'A is now the shown document');
      assert.equal(await entity(page, 'devant la presse'), null);
      assert.equal((await claims(page)).filter((c) => c.provenance === 'manual').length, 1);
      clean(page);
    });
  });

  test('a closed tab comes back with the same state in a new tab', async () => {
    await withPage(async (page, context) => {
      await annotate(page, TEXT_A);
      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('2');
      await page.click('#mark-done');
      await saved(page);
      const before = await state(page);
      const shownBefore = await shown(page);
      assert.equal(shownBefore.queue[0].status, 'done');
      await page.close();

      const again = await context.newPage();
      await again.goto(env.url);
      await ready(again);
      assert.deepEqual(await state(again), before);
      assert.deepEqual(await shown(again), shownBefore);
      const e = await entity(again, 'Ashraf Ghani');
      assert.deepEqual([e.label, e.provenance], ['ORG', 'edited']);
      assert.equal(await again.getAttribute('#mark-done', 'aria-pressed'), 'true');
      // Undo still knows the two steps: « done », then the relabel.
      await again.keyboard.press('Control+z');
      assert.equal((await queue(again))[0].status, 'in_progress');
      await again.keyboard.press('Control+z');
      assert.deepEqual((({ label, provenance }) => [label, provenance])(await entity(again, 'Ashraf Ghani')), ['PER', 'model']);
    });
  });
});

describe('a crashed tab', () => {
  test('edits after the last snapshot come back from the edit log, in order, with the undo position', async () => {
    await withPage(async (page, context) => {
      await annotate(page, TEXT_A);
      await saved(page);
      // Many small edits with no snapshot in between (no reload, no leaving the document).
      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('2'); // relabel → ORG
      await clickEntity(page, 'Jean Valjean');
      await page.keyboard.press('Delete'); // reject
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Control+z');
        await page.keyboard.press('Control+y');
      }
      await page.keyboard.press('Control+z'); // the reject is undone: it can be redone
      await saved(page);
      const before = await state(page);
      const shownBefore = await shown(page);
      const logged = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('balise');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('log').objectStore('log').count();
              req.onsuccess = () => {
                open.result.close();
                resolve(req.result);
              };
            };
          }),
      );
      assert.ok(logged >= 10, `the edits are in the log, not only in a snapshot (${logged} entries)`);
      // The renderer dies: no unload, no visibilitychange, nothing written on the way out.
      // Page.crash never answers (the renderer is gone): wait for the page's crash event instead.
      const cdp = await context.newCDPSession(page);
      const crashed = new Promise((resolve) => page.once('crash', resolve));
      cdp.send('Page.crash').catch(() => {});
      await Promise.race([
        crashed,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the tab did not crash')), 10000)),
      ]);
      const again = await context.newPage();
      await again.goto(env.url);
      await ready(again);
      assert.deepEqual(await state(again), before);
      assert.deepEqual(await shown(again), shownBefore);
      const e = await entity(again, 'Ashraf Ghani');
      assert.deepEqual([e.label, e.provenance], ['ORG', 'edited']);
      assert.ok(await entity(again, 'Jean Valjean'), 'the undone reject is undone after the crash too');
      // The redo position survived too: the undone reject can be redone.
      await again.keyboard.press('Control+y');
      await saved(again);
      assert.ok(!(await entities(again)).some((x) => x.text === 'Jean Valjean'), 'redo rejects it again');
    });
  });
});

describe('storage failures are shown', () => {
  test('a full storage: « Non enregistré » and a banner; the unsaved edits are written once it works again', async () => {
    await withPage(
      async (page) => {
        await importPasted(page, `${TEXT_A}\n---\n${TEXT_B}`);
        await shownAnnotated(page);
        await page.waitForFunction(() => [...document.querySelectorAll('#doc-list .doc-counts')].every((c) => c.textContent !== 'non annoté'));
        await saved(page);
        assert.equal(await bannerText(page), null);

        await page.evaluate(() => {
          window.__failPut = true;
        });
        await clickEntity(page, 'Ashraf Ghani');
        await page.keyboard.press('2');
        await page.waitForSelector('#save-state[data-state="error"]');
        assert.equal(await page.textContent('#save-state'), 'Non enregistré');
        const banner = await bannerText(page);
        assert.match(banner, /Vos modifications ne sont pas enregistrées/);
        assert.match(banner, /espace de stockage du navigateur est plein/);
        assert.equal(await page.isVisible('#banner'), true);
        // The page keeps working; leaving now asks first (something is not saved).
        assert.deepEqual((({ label, provenance }) => [label, provenance])(await entity(page, 'Ashraf Ghani')), ['ORG', 'edited']);
        const [dialog] = await Promise.all([page.waitForEvent('dialog'), page.close({ runBeforeUnload: true })]);
        assert.equal(dialog.type(), 'beforeunload');
        assert.equal(page.isClosed(), false, 'the tab stays open');

        // Storage comes back; an edit in the other document writes both.
        await page.evaluate(() => {
          window.__failPut = false;
        });
        await page.keyboard.press('Alt+ArrowDown');
        await page.waitForFunction((t) => document.querySelector('#input').value === t, TEXT_B);
        await clickEntity(page, 'Claire Vasseur');
        await page.keyboard.press('3');
        await saved(page);
        assert.equal(await bannerText(page), null, 'the storage banner goes once everything is saved');
        assert.match(await page.textContent('#notice'), /Le stockage fonctionne de nouveau/);
        await reload(page);
        assert.equal((await entity(page, 'Claire Vasseur'))?.label, 'LOC');
        await page.keyboard.press('Alt+ArrowUp');
        await page.waitForFunction((t) => document.querySelector('#input').value === t, TEXT_A);
        assert.deepEqual((({ label, provenance }) => [label, provenance])(await entity(page, 'Ashraf Ghani')), ['ORG', 'edited']);
        clean(page);
      },
      { init: quotaFailure },
    );
  });

  test('no storage at all (private mode): « Stockage indisponible », a banner, the page still works', async () => {
    const privateMode = () => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    };
    await withPage(
      async (page) => {
        assert.equal(await page.getAttribute('#save-state', 'data-state'), 'off');
        assert.equal(await page.textContent('#save-state'), 'Stockage indisponible');
        const banner = await bannerText(page);
        assert.match(banner, /Vos modifications ne sont pas enregistrées/);
        assert.match(banner, /navigation privée/);
        await annotate(page, TEXT_A);
        await clickEntity(page, 'Ashraf Ghani');
        await page.keyboard.press('2');
        assert.equal((await entity(page, 'Ashraf Ghani'))?.label, 'ORG');
        assert.equal(await page.getAttribute('#save-state', 'data-state'), 'off', 'still shown as not stored');
        assert.equal(await page.isVisible('#banner'), true);
        clean(page);
      },
      { init: privateMode },
    );
  });

  test('a newer Balise in another tab: the database is closed and the user told to reload', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT_A);
      await saved(page);
      // Another tab opens the database at a higher version.
      await page.evaluate(
        async () => {
          const { version } = (await indexedDB.databases()).find((d) => d.name === 'balise');
          return new Promise((resolve, reject) => {
            const r = indexedDB.open('balise', version + 1);
            r.onsuccess = () => {
              r.result.close();
              resolve();
            };
            r.onerror = () => reject(r.error);
          });
        },
      );
      await page.waitForSelector('#save-state[data-state="error"]');
      assert.match(await bannerText(page), /ne sont pas enregistrées : Balise a été mis à jour dans un autre onglet/);
      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('2');
      assert.equal(await page.getAttribute('#save-state', 'data-state'), 'error');
      // A new tab of this (older) page cannot open the newer database: it says so.
      const again = await page.context().newPage();
      await again.goto(env.url);
      await ready(again);
      assert.equal(await again.getAttribute('#save-state', 'data-state'), 'off');
      assert.match(await bannerText(again), /une version plus récente de Balise est ouverte dans un autre onglet/);
    });
  });
});

describe('re-annotating hand corrections', () => {
  test('asks first; « Garder » keeps the correction, « Tout remplacer » can be undone, « Annuler » does nothing', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT_A);
      const model = await entities(page);
      // No correction yet: no question, the suggestions stay the same.
      await page.click('#reannotate');
      await page.waitForFunction(() => document.querySelector('#status').dataset.state === 'done');
      assert.equal(await page.isVisible('#confirm-dialog'), false);
      assert.deepEqual(await entities(page), model);

      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('2');
      const corrected = await entities(page);
      const ask = async () => {
        await page.click('#reannotate');
        await page.waitForSelector('#confirm-dialog[open]');
        const buttons = await page.$$eval('#confirm-actions button', (bs) => bs.map((b) => b.textContent));
        assert.deepEqual(buttons, ['Garder mes corrections', 'Tout remplacer (annulable)', 'Annuler']);
      };
      await ask();
      await page.click('#confirm-actions button:text-is("Annuler")');
      await page.waitForFunction(() => !document.querySelector('#confirm-dialog').open);
      assert.deepEqual(await entities(page), corrected);

      await ask();
      await page.click('#confirm-actions button:text-is("Garder mes corrections")');
      await page.waitForFunction(() => !document.querySelector('#confirm-dialog').open);
      await page.waitForFunction(() => document.querySelector('#status').dataset.state === 'done');
      assert.deepEqual(await entities(page), corrected, 'the correction is kept, the suggestions are the same');

      await ask();
      await page.click('#confirm-actions button:text-is("Tout remplacer (annulable)")');
      await page.waitForFunction(() => {
        const marks = [...document.querySelectorAll('#output mark[data-label]')];
        return marks.length > 0 && marks.every((m) => m.dataset.provenance === 'model');
      });
      assert.deepEqual(await entities(page), model, 'back to the model output');
      await page.click('#undo');
      assert.deepEqual(await entities(page), corrected, 'undone: the correction is back');
      await saved(page);
      await reload(page);
      assert.deepEqual(await entities(page), corrected);
      clean(page);
    });
  });
});

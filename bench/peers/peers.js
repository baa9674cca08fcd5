// The peers a vendor might embed instead, fed the same FHIR R4 resources as dcr-elements, bundled
// by bench/run.mjs with esbuild into bench/dist/peers.js (React is CommonJS: the dev server cannot
// serve it as it is). Each contestant renders synchronously (flushSync), so the time measured is
// the render, not React's scheduling.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { FhirResource, fhirVersions } from 'fhir-react';
import 'fhir-react/build/style.css';
import { MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import { MedplumClient } from '@medplum/core';
import { AllergiesSection, MedicationsSection, MedplumProvider } from '@medplum/react';

let root;

function mount(container, element) {
  root = createRoot(container);
  flushSync(() => root.render(element));
}

/** fhir-react: one `FhirResource` per resource, as its README shows. */
function fhirReact(container, resources) {
  mount(
    container,
    h(
      'div',
      null,
      resources.map((resource) =>
        h(FhirResource, { key: resource.id, fhirResource: resource, fhirVersion: fhirVersions.R4 }),
      ),
    ),
  );
}

// No request leaves the page: the sections are given their search results directly.
const medplum = new MedplumClient({ fetch: () => Promise.reject(new Error('offline bench')) });

/** @medplum/react: its patient summary's allergy and medication sections, given the results. */
function medplumSections(container, resources, patient) {
  const of = (type) => resources.filter((r) => r.resourceType === type);
  const results = {
    allergies: of('AllergyIntolerance'),
    medicationRequests: of('MedicationRequest'),
    medicationStatements: of('MedicationStatement'),
  };
  mount(
    container,
    h(
      MedplumProvider,
      { medplum },
      h(
        MantineProvider,
        null,
        h(AllergiesSection.component, { patient, results }),
        h(MedicationsSection.component, { patient, results }),
      ),
    ),
  );
}

function unmount() {
  root?.unmount();
  root = undefined;
}

globalThis.benchPeers = { fhirReact, medplumSections, unmount };

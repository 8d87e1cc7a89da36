package com.arasul.updates.internal.intake;

/** The upload door into the intake flow: checks a package written to the incoming folder and answers. */
interface UploadIntake {

    Candidate check(IncomingPackage upload);
}

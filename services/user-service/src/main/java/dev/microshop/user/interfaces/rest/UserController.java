package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.signup.SignUp;
import dev.microshop.user.application.user.GetUser;
import dev.microshop.user.domain.user.UserId;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up (public) and the signed-in user's own account. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final SignUp signUp;
    private final GetUser getUser;

    UserController(SignUp signUp, GetUser getUser) {
        this.signUp = signUp;
        this.getUser = getUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse signUp(@Valid @RequestBody SignUpRequest request) {
        return UserResponse.of(signUp.signUp(request.toCommand()));
    }

    @GetMapping("/me")
    UserResponse me(@AuthenticationPrincipal Jwt token) {
        return UserResponse.of(getUser.get(UserId.parse(token.getSubject())));
    }
}
